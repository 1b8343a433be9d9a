/** How often a wait looks again: often enough for a frame, seldom enough for a query. */
const pollMs = 25;

/**
 * Whether `check` comes to hold within `timeoutMs`, looking again every few milliseconds. The bound
 * is generous (a busy machine runs three copies of the suite on two cores): only a broken build
 * reaches it, so a test waits for its event, never for a fixed time.
 */
export async function eventually(check: () => boolean | Promise<boolean>, timeoutMs: number): Promise<boolean> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		if (await check()) return true;
		if (Date.now() > deadline) return false;
		await new Promise((resolve) => setTimeout(resolve, pollMs));
	}
}

/** Waits until `check` holds; fails naming `what` after the bound. */
export async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 120_000): Promise<void> {
	if (!(await eventually(check, timeoutMs))) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}
