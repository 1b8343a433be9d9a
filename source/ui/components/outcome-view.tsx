import {Box, Text} from 'ink';
import type {ActionOutcome} from '../services/types.js';
import {toneColor, toneSymbol} from '../tone.js';

/** An action's result: the summary with its tone, then its lines (the suite's summary, status facts). */
export function OutcomeView({outcome, maxLines}: {readonly outcome: ActionOutcome; readonly maxLines: number}) {
	const lines = outcome.lines ?? [];
	const shown = lines.slice(0, Math.max(maxLines, 0));
	return (
		<Box flexDirection="column">
			<Text color={toneColor[outcome.tone]} wrap="truncate-end">
				{toneSymbol[outcome.tone]} {outcome.summary}
			</Text>
			{shown.map((line, index) => (
				<Text
					key={index}
					wrap="truncate-end"
					dimColor={line.tone === 'dim'}
					color={line.tone === undefined || line.tone === 'dim' ? undefined : toneColor[line.tone]}
				>
					{'  '}
					{line.text}
				</Text>
			))}
			{lines.length > shown.length ? <Text dimColor>  … {lines.length - shown.length} more line(s)</Text> : null}
		</Box>
	);
}
