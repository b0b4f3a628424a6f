import { runStoreBench } from './bench-store';

const sizes = (process.argv[2] ?? '1000').split(',').map(Number);
const r = await runStoreBench(sizes);
console.log(JSON.stringify(r, null, 1));
