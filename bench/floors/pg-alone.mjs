// The least any Node tool built on `pg` pays for `migrate status` here: Node's start, loading pg,
// connecting (SCRAM included) and reading the version table, nothing else. Plain JavaScript with
// the compile cache on, as cc-dev runs. `node bench/floors/pg-alone.mjs` with DATABASE_URL set.
import module from 'node:module';

module.enableCompileCache?.();
const {default: pg} = await import('pg');
const client = new pg.Client({connectionString: process.env.DATABASE_URL});
await client.connect();
await client.query('select revision, checksum from public.cc_dev_migrations');
await client.end();
