import {Box, Text} from 'ink';
import type {LastResult} from '../app-state.js';
import {Header} from '../components/header.js';
import {KeyHints} from '../components/key-hints.js';
import {Menu} from '../components/menu.js';
import {describeItem, itemForKey, menuItems, type MenuItem} from '../menu-items.js';
import type {ProjectState} from '../services/types.js';
import {toneColor, toneSymbol} from '../tone.js';
import {useKeys} from '../hooks/use-keys.js';

export type HomeScreenProps = {
	readonly project: ProjectState | undefined;
	readonly isLoading: boolean;
	readonly selected: number;
	readonly last: LastResult | undefined;
	readonly width: number;
	readonly height: number;
	readonly onMove: (delta: number) => void;
	readonly onRun: (item: MenuItem) => void;
	readonly onQuit: () => void;
};

/** Where the left column ends in two-column mode: the database items, then the migration ones. */
const split = menuItems.findIndex((item) => item.id === 'migrate-up');

/** The menu: ↑↓ (j/k) and ←→ to move, Enter to run, a letter to run at once, q or Esc to quit. */
export function HomeScreen({project, isLoading, selected, last, width, height, onMove, onRun, onQuit}: HomeScreenProps) {
	const isTwoColumns = width >= 70;
	useKeys((input, key) => {
		if (key.ctrl || key.meta) return;
		if (key.downArrow || input === 'j') onMove(1);
		else if (key.upArrow || input === 'k') onMove(-1);
		else if (isTwoColumns && key.rightArrow && selected < split) onMove(Math.min(selected + split, menuItems.length - 1) - selected);
		else if (isTwoColumns && key.leftArrow && selected >= split) onMove(Math.min(selected - split, split - 1) - selected);
		else if (key.return) onRun(menuItems[selected]!);
		else if (key.escape) onQuit();
		else {
			const item = itemForKey(input);
			if (item) onRun(item);
		}
	});
	const item = menuItems[selected]!;
	return (
		<Box flexDirection="column" width={width} height={height} overflow="hidden">
			<Header state={project} isLoading={isLoading} maxWarnings={height >= 24 ? 3 : 1} />
			<Box marginTop={1}>
				<Menu items={menuItems} selected={selected} width={width} split={split} />
			</Box>
			<Box marginTop={1} flexGrow={1}>
				{last ? (
					<Text wrap="truncate-end">
						<Text dimColor>last: {last.label} </Text>
						<Text color={toneColor[last.tone]}>
							{toneSymbol[last.tone]} {last.summary}
						</Text>
					</Text>
				) : null}
			</Box>
			<Text dimColor wrap="truncate-end">
				{describeItem(item)}
			</Text>
			<KeyHints
				hints={[
					['↑↓', 'move'],
					['enter', 'run'],
					['letter', 'run at once'],
					['q', 'quit'],
				]}
			/>
		</Box>
	);
}
