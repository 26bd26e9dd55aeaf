console.log("pipeline-lens CLI: not built yet");
