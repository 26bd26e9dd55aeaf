// When the extension bundle started to load: imported first by extension.ts, so the activation figure (the API's
// `activation`, printed by the typing test) covers loading our modules as well as activate().
export const LOAD_STARTED = performance.now();
