import type {Section} from '../migrations/migration.js';
import {positionAt} from '../migrations/text-position.js';

/**
 * What another migration tool's SQL file says about itself, read from its marker comments:
 * where its up and down sections are (goose's `-- +goose Up` / `-- +goose Down`, dbmate's
 * `-- migrate:up` / `-- migrate:down`) and whether its tool runs a section outside a transaction
 * (goose's `-- +goose NO TRANSACTION`, dbmate's `transaction:false` on a section marker, sqlx's
 * `-- no-transaction` first line, graphile-migrate's `--! no-transaction`).
 */
export type PlainSqlLayout = {
	readonly up: Section;
	readonly down: Section | undefined;
	/** True when the file says its tool runs the section statement by statement. */
	readonly upWithoutTransaction: boolean;
	readonly downWithoutTransaction: boolean;
};

type Marker = {readonly section: 'up' | 'down'; readonly start: number; readonly next: number; readonly noTransaction: boolean};

const markerLine = /^[ \t]*--[ \t]*(?:\+goose[ \t]+(up|down)|migrate:(up|down))\b([^\n]*)$/gim;
const gooseNoTransaction = /^[ \t]*--[ \t]*\+goose[ \t]+no[ \t]+transaction[ \t]*\r?$/im;
const graphileNoTransaction = /^--![ \t]*no-transaction[ \t]*\r?$/m;
const sqlxNoTransaction = /^\uFEFF?[ \t]*-- no-transaction[ \t]*\r?(?:\n|$)/;
/** goose sends the text between StatementBegin and StatementEnd as one statement, with or without a closing `;`. */
const gooseStatementEnd = /^([ \t]*)-- \+goose StatementEnd/gim;

function sectionOf(text: string, start: number, end: number): Section {
	let sql = text.slice(start, end);
	// Same length, so offsets and lines stay right: the end of a goose statement block ends the statement.
	if (sql.includes('+goose')) sql = sql.replace(gooseStatementEnd, '$1;--+goose StatementEnd');
	const {line, column} = positionAt(text, start);
	return {sql, offset: start, line, column};
}

export function plainSqlLayout(text: string): PlainSqlLayout {
	const markers: Marker[] = [];
	if (text.includes('+goose') || text.includes('migrate:')) {
		for (const match of text.matchAll(markerLine)) {
			const section = (match[1] ?? match[2])!.toLowerCase() as 'up' | 'down';
			const end = match.index + match[0].length;
			markers.push({section, start: match.index, next: end < text.length ? end + 1 : end, noTransaction: /\btransaction:false\b/i.test(match[3] ?? '')});
		}
	}
	const fileWide = sqlxNoTransaction.test(text) || (text.includes('+goose') && gooseNoTransaction.test(text)) || (text.includes('--!') && graphileNoTransaction.test(text));
	const upMarker = markers.find((marker) => marker.section === 'up');
	const downMarker = markers.find((marker) => marker.section === 'down');
	const endAfter = (marker: Marker): number => markers.find((other) => other.start > marker.start)?.start ?? text.length;
	const up = upMarker ? sectionOf(text, upMarker.next, endAfter(upMarker)) : sectionOf(text, 0, downMarker?.start ?? text.length);
	const down = downMarker && sectionOf(text, downMarker.next, endAfter(downMarker));
	return {
		up,
		down,
		upWithoutTransaction: fileWide || upMarker?.noTransaction === true,
		downWithoutTransaction: fileWide || downMarker?.noTransaction === true,
	};
}
