/**
 * standard_conforming_strings decides what a backslash in a string literal means. cc-dev's parser
 * (libpg-query) always reads SQL with it on, and every session cc-dev opens pins it on (see
 * connect.ts); a migration that changed it would make the next statements mean something other
 * than what was checked before running them, so such migrations are refused at plan time.
 */
export const pinnedSetting = 'standard_conforming_strings';

type Node = unknown;

function functionName(call: Record<string, unknown>): string {
	const names = (call['funcname'] as Array<{String?: {sval?: string}}> | undefined) ?? [];
	return names.at(-1)?.String?.sval?.toLowerCase() ?? '';
}

/** The constant text of an A_Const string node, or undefined when the node is not one. */
function constantText(node: Node): string | undefined {
	const constant = (node as {A_Const?: {sval?: {sval?: string}}} | undefined)?.A_Const;
	return constant?.sval ? (constant.sval.sval ?? '') : undefined;
}

/**
 * How a statement (or anything nested in it: a function's SET clause, a DO block's or function
 * body's text, a set_config call) would change standard_conforming_strings; undefined when it
 * cannot. Reading the setting (SHOW, current_setting) is fine.
 */
export function pinnedSettingChange(kind: string, node: Record<string, unknown>): string | undefined {
	if (kind === 'VariableShowStmt') return undefined;
	const mentions = new RegExp(pinnedSetting, 'i');
	let found: string | undefined;
	const visit = (value: Node, key: string | undefined): void => {
		if (found) return;
		if (typeof value === 'string') {
			if (mentions.test(value)) found = key === 'name' ? `sets ${pinnedSetting}` : `mentions ${pinnedSetting} in text that runs as SQL (a body, a DO block or a set_config argument)`;
			return;
		}
		if (Array.isArray(value)) {
			for (const item of value) visit(item, key);
			return;
		}
		if (value === null || typeof value !== 'object') return;
		for (const [childKey, child] of Object.entries(value as Record<string, unknown>)) {
			if (childKey === 'FuncCall') {
				const call = child as Record<string, unknown>;
				const name = functionName(call);
				if (name === 'current_setting') continue;
				if (name === 'set_config') {
					const setting = constantText((call['args'] as Node[] | undefined)?.[0]);
					if (setting === undefined) {
						found = 'calls set_config with a setting name computed at run time, which could be standard_conforming_strings';
						return;
					}
				}
			}
			visit(child, childKey);
		}
	};
	visit(node, undefined);
	return found;
}
