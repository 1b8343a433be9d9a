import {Box, Text} from 'ink';
import {KeyHints} from '../components/key-hints.js';
import {useScroll} from '../hooks/use-scroll.js';
import type {HistoryRow, HistoryView} from '../services/types.js';
import {plural} from '../../core/plural.js';
import {useKeys} from '../hooks/use-keys.js';

function Row({row}: {readonly row: HistoryRow}) {
	const mark = row.isApplied === undefined ? ' ' : row.isApplied ? '✔' : '•';
	return (
		<Text wrap="truncate-end">
			<Text color={row.isApplied ? 'green' : 'yellow'}>{mark}</Text> <Text bold>{row.revision}</Text>
			{row.isHead ? <Text color="cyan"> (head)</Text> : null}
			{row.parents.length > 1 ? <Text color="cyan"> (merge)</Text> : null} {row.message}
			{row.transaction === 'none' ? <Text dimColor> [no transaction]</Text> : null}
			<Text dimColor>
				{' '}
				← {row.parents.join(', ') || 'base'}
				{row.appliedAt ? ` · applied ${row.appliedAt.toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z')}` : ''}
			</Text>
		</Text>
	);
}

/** Every migration, newest first: applied (✔) or pending (•) when the database answers. */
export function HistoryScreen({view, width, height, onBack}: {readonly view: HistoryView; readonly width: number; readonly height: number; readonly onBack: () => void}) {
	const bodyHeight = Math.max(height - 2, 1);
	const {offset} = useScroll(view.rows.length, bodyHeight);
	useKeys((input, key) => {
		if (!key.ctrl && (key.escape || input === 'q')) onBack();
	});
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Text bold wrap="truncate-end">
				History · {plural(view.rows.length, 'migration')}
				{view.databaseAnswered ? '' : <Text dimColor> (the database did not answer: applied marks omitted)</Text>}
			</Text>
			<Box flexDirection="column" height={bodyHeight}>
				{view.rows.slice(offset, offset + bodyHeight).map((row) => (
					<Row key={row.revision} row={row} />
				))}
			</Box>
			<KeyHints hints={[['↑↓ j/k', 'scroll'], ['q/esc', 'back']]} />
		</Box>
	);
}
