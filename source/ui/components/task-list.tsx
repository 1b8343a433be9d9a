import {Spinner} from '@inkjs/ui';
import {Box, Text} from 'ink';
import type {TaskItem, TaskItemStatus} from '../hooks/task-state.js';
import {formatMs} from '../tone.js';
import {plural} from '../../core/plural.js';

const marks: Readonly<Record<Exclude<TaskItemStatus, 'running'>, {symbol: string; color: string}>> = {
	done: {symbol: '✔', color: 'green'},
	failed: {symbol: '✖', color: 'red'},
	skipped: {symbol: '-', color: 'gray'},
	cancelled: {symbol: '◼', color: 'yellow'},
};

function Row({item, width}: {readonly item: TaskItem; readonly width: number}) {
	const mark = item.status === 'running' ? undefined : marks[item.status];
	return (
		<Box width={width}>
			<Box width={2} flexShrink={0}>
				{mark ? <Text color={mark.color}>{mark.symbol}</Text> : <Spinner />}
			</Box>
			<Box flexGrow={1} flexShrink={1}>
				<Text wrap="truncate-end">
					{item.title}
					{item.detail ? <Text dimColor> · {item.detail}</Text> : null}
				</Text>
			</Box>
			<Box width={10} flexShrink={0} justifyContent="flex-end">
				<Text dimColor>{item.durationMs === undefined ? '' : formatMs(item.durationMs)}</Text>
			</Box>
		</Box>
	);
}

export type TaskListProps = {
	readonly items: readonly TaskItem[];
	readonly width: number;
	/** Only the last `limit` items are shown (the count of the others is). */
	readonly limit: number;
};

/** The steps of an action: a spinner while running, then a mark and the step's duration. */
export function TaskList({items, width, limit}: TaskListProps) {
	const hidden = Math.max(items.length - Math.max(limit, 1), 0);
	return (
		<Box flexDirection="column">
			{hidden > 0 ? <Text dimColor>  … {plural(hidden, 'earlier step')}</Text> : null}
			{items.slice(hidden).map((item) => (
				<Row key={item.id} item={item} width={width} />
			))}
		</Box>
	);
}
