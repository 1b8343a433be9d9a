import {Box} from 'ink';
import {ErrorView} from '../components/error-view.js';
import {Header} from '../components/header.js';
import {KeyHints} from '../components/key-hints.js';
import type {ErrorInfo} from '../hooks/task-state.js';
import type {MenuItem} from '../menu-items.js';
import type {ProjectState} from '../services/types.js';
import {useKeys} from '../hooks/use-keys.js';

export type ResultScreenProps = {
	readonly item: MenuItem;
	readonly error: ErrorInfo;
	readonly project: ProjectState | undefined;
	readonly isLoading: boolean;
	readonly width: number;
	readonly height: number;
	readonly onBack: () => void;
};

/** Why an action that had the terminal (new migration, psql) failed, until Enter or Esc. */
export function ResultScreen({item, error, project, isLoading, width, height, onBack}: ResultScreenProps) {
	useKeys((input, key) => {
		if (!key.ctrl && (key.return || key.escape || input === 'q')) onBack();
	});
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Header state={project} isLoading={isLoading} maxWarnings={1} />
			<Box marginTop={1} flexGrow={1} flexDirection="column">
				<ErrorView error={error} title={item.label} maxLines={height - 8} />
			</Box>
			<KeyHints hints={[['enter', 'back to the menu']]} />
		</Box>
	);
}
