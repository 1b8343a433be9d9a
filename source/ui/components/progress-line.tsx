import {ProgressBar} from '@inkjs/ui';
import {Box, Text} from 'ink';
import type {Progress} from '../hooks/task-state.js';

function amount(progress: Progress): string {
	if (progress.unit === 'items') return `${progress.current}/${progress.total}`;
	const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
	return `${mb(progress.current)}/${mb(progress.total)} MB`;
}

/** A labelled progress bar: migrations applied of the run, or bytes of an image pull. */
export function ProgressLine({progress, width}: {readonly progress: Progress; readonly width: number}) {
	const percent = progress.total > 0 ? Math.round((progress.current / progress.total) * 100) : 0;
	return (
		<Box width={width}>
			<Box width={12} flexShrink={0}>
				<Text wrap="truncate-end">{progress.label}</Text>
			</Box>
			<Box flexGrow={1} marginRight={1}>
				<ProgressBar value={percent} />
			</Box>
			<Text>
				{percent}% <Text dimColor>{amount(progress)}</Text>
			</Text>
		</Box>
	);
}
