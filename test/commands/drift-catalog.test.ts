import {cpSync, readdirSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {freshDatabase, query, repoRoot} from '../helpers/database.js';
import {runCli} from './suite-cli.js';
import {tempFolder} from '../helpers/temp-folder.js';

test.serial('drift sees a view, a function, a trigger, a sequence, a comment and a policy made by hand; --write captures them as a verified migration', async (t) => {
	const target = await freshDatabase(t);
	const migrations = tempFolder(t, 'cc-dev-drift-');
	cpSync(path.join(repoRoot, 'migrations'), migrations, {recursive: true});
	t.is((await runCli(['migrate', 'up', '--migrations', migrations], target)).exitCode, 0);
	await query(target, `
		CREATE VIEW public.active_decks AS SELECT id, name FROM public.decks WHERE is_active;
		CREATE FUNCTION public.touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.updated_at := now(); RETURN NEW; END $$;
		CREATE TRIGGER decks_touch BEFORE UPDATE ON public.decks FOR EACH ROW EXECUTE FUNCTION public.touch();
		CREATE SEQUENCE public.ticket_seq;
		COMMENT ON TABLE public.decks IS 'Decks of flashcards';
		CREATE POLICY decks_owner ON public.decks USING (true);`);
	const drifted = await runCli(['drift', '--migrations', migrations], target);
	t.is(drifted.exitCode, 1, drifted.stderr);
	for (const pattern of [/view "public"\."active_decks"/, /FUNCTION public\.touch\(\)/, /CREATE TRIGGER decks_touch/, /sequence "public"\."ticket_seq"/, /COMMENT ON TABLE public\.decks IS 'Decks of flashcards'/, /policy "decks_owner"/]) t.regex(drifted.stdout, pattern);
	const written = await runCli(['drift', '--write', 'capture hand changes', '--stamp', '--migrations', migrations], target);
	t.is(written.exitCode, 0, written.stdout + written.stderr);
	t.regex(written.stdout, /✔ Verified in a scratch database/);
	t.is(readdirSync(migrations).filter((file) => file.endsWith('_capture_hand_changes.sql')).length, 1);
	const clean = await runCli(['drift', '--migrations', migrations], target);
	t.is(clean.exitCode, 0, clean.stdout);
});
