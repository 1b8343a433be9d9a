import {Box, Text} from 'ink';
import type {ErrorInfo} from '../hooks/task-state.js';

/** A failure: the message in red, the SQL excerpt if any, and the hint. */
export function ErrorView({error, title = 'error', maxLines = 12}: {readonly error: ErrorInfo; readonly title?: string; readonly maxLines?: number}) {
	const message = error.message.split('\n');
	const excerpt = error.excerpt?.split('\n') ?? [];
	const hint = error.hint?.split('\n') ?? [];
	const budget = Math.max(maxLines - hint.length, 2);
	return (
		<Box flexDirection="column">
			<Box>
				<Box flexShrink={0}>
					<Text color="red">✖ {title}: </Text>
				</Box>
				<Box flexDirection="column">
					{message.slice(0, budget).map((line, index) => (
						<Text key={`m${index}`} color="red" wrap="wrap">
							{line}
						</Text>
					))}
				</Box>
			</Box>
			{excerpt.slice(0, Math.max(budget - message.length, 0)).map((line, index) => (
				<Text key={`e${index}`} dimColor wrap="truncate-end">
					{'  '}
					{line}
				</Text>
			))}
			{hint.length > 0 ? (
				<Box>
					<Box width={6} flexShrink={0}>
						<Text color="cyan">hint</Text>
					</Box>
					<Box flexDirection="column">
						{hint.map((line, index) => (
							<Text key={`h${index}`} wrap="wrap">
								{line}
							</Text>
						))}
					</Box>
				</Box>
			) : null}
		</Box>
	);
}
