import {Box, Text} from 'ink';
import {useKeys} from '../hooks/use-keys.js';

export type ConfirmPromptProps = {
	readonly question: string;
	readonly details: readonly string[];
	readonly onAnswer: (yes: boolean) => void;
};

/** A y/N question inside the app: y says yes; n, Enter and Esc say no. */
export function ConfirmPrompt({question, details, onAnswer}: ConfirmPromptProps) {
	useKeys((input, key) => {
		if (key.ctrl) return;
		if (input.toLowerCase() === 'y') onAnswer(true);
		else if (input.toLowerCase() === 'n' || key.return || key.escape) onAnswer(false);
	});
	return (
		<Box flexDirection="column" marginTop={1}>
			<Text bold>{question}</Text>
			{details.map((line, index) => (
				<Text key={index} dimColor wrap="truncate-end">
					{'  '}
					{line}
				</Text>
			))}
			<Text>
				<Text color="yellow">?</Text> Go ahead? <Text bold>y</Text>/<Text bold>N</Text>
			</Text>
		</Box>
	);
}
