import module from 'node:module';
module.enableCompileCache?.();
const t0 = performance.now();
await import('/work/main/dist/cli.js');
console.log((performance.now()-t0).toFixed(1));
