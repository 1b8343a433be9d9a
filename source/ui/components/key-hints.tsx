import {Text} from 'ink';

/** The keys of the current screen, on the last line: [["↑↓", "move"], ["q", "quit"]]. */
export function KeyHints({hints}: {readonly hints: ReadonlyArray<readonly [string, string]>}) {
	return (
		<Text wrap="truncate-end">
			{hints.map(([key, action], index) => (
				<Text key={key}>
					{index > 0 ? <Text dimColor> · </Text> : null}
					<Text bold>{key}</Text>
					<Text dimColor> {action}</Text>
				</Text>
			))}
		</Text>
	);
}
