// What bench/parse-ratio.bench.ts compares, bundled together so both run as shipped code with one copy of yaml.
export { analyze } from '../src/core/analyze';
export { parseDocument } from 'yaml';
