import {Box, Text} from 'ink';
import type {SegmentKind, SqlLine} from '../sql-lines.js';

const segmentStyle: Readonly<Record<SegmentKind, {color?: string; bold?: boolean; dimColor?: boolean}>> = {
	keyword: {color: 'blue', bold: true},
	string: {color: 'green'},
	comment: {dimColor: true},
	number: {color: 'yellow'},
	plain: {},
};

function Boundary({line, width}: {readonly line: Extract<SqlLine, {kind: 'boundary'}>; readonly width: number}) {
	const mode = line.transaction === 'none' ? 'no transaction' : line.transaction === 'per-migration' ? 'one transaction' : undefined;
	const text = `── ${mode ? `${mode} ── ` : ''}${line.title} `;
	return (
		<Text color={line.transaction === 'none' ? 'yellow' : 'magenta'} bold wrap="truncate-end">
			{text}
			{'─'.repeat(Math.max(width - text.length, 0))}
		</Text>
	);
}

export type SqlViewProps = {
	readonly lines: readonly SqlLine[];
	readonly offset: number;
	readonly height: number;
	readonly width: number;
};

/** A window of highlighted SQL; migration boundaries are rules that name the migration and its transaction mode. */
export function SqlView({lines, offset, height, width}: SqlViewProps) {
	const visible = lines.slice(offset, offset + height);
	return (
		<Box flexDirection="column" height={height}>
			{visible.map((line, index) =>
				line.kind === 'boundary' ? (
					<Boundary key={offset + index} line={line} width={width} />
				) : (
					<Text key={offset + index} wrap="truncate-end">
						{line.segments.length === 0 ? ' ' : line.segments.map((segment, at) => <Text key={at} {...segmentStyle[segment.kind]}>{segment.text}</Text>)}
					</Text>
				),
			)}
		</Box>
	);
}
