import {Box, Text} from 'ink';
import {useMemo, useState} from 'react';
import {KeyHints} from '../components/key-hints.js';
import {SqlView} from '../components/sql-view.js';
import {useScroll} from '../hooks/use-scroll.js';
import type {SqlView as SqlViewData} from '../services/types.js';
import {sqlLines} from '../sql-lines.js';
import {useKeys} from '../hooks/use-keys.js';

export type SqlScreenProps = {
	readonly view: SqlViewData;
	readonly width: number;
	readonly height: number;
	readonly onBack: () => void;
};

/** The SQL preview: highlighted, scrollable, each migration's boundary and transaction mode marked; d shows the down. */
export function SqlScreen({view, width, height, onBack}: SqlScreenProps) {
	const [isAlternate, setAlternate] = useState(false);
	const shown = isAlternate && view.alternate ? view.alternate : view;
	const lines = useMemo(() => sqlLines(shown.blocks), [shown]);
	const bodyHeight = Math.max(height - 2, 1);
	const {offset, reset} = useScroll(lines.length, bodyHeight);
	useKeys((input, key) => {
		if (key.ctrl) return;
		if (key.escape || input === 'q') onBack();
		else if (view.alternate && (input === 'd' || input === 'u')) {
			setAlternate(input === 'd');
			reset();
		}
	});
	const end = Math.min(offset + bodyHeight, lines.length);
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Text bold wrap="truncate-end">
				{shown.title}
				<Text dimColor>{lines.length > 0 ? ` · lines ${Math.min(offset + 1, end)}-${end} of ${lines.length}` : ''}</Text>
			</Text>
			{lines.length === 0 ? (
				<Box height={bodyHeight}>
					<Text dimColor>-- nothing to run</Text>
				</Box>
			) : (
				<SqlView lines={lines} offset={offset} height={bodyHeight} width={width} />
			)}
			<KeyHints
				hints={[
					['↑↓ j/k', 'scroll'],
					['PgUp/PgDn', 'page'],
					...(view.alternate ? [[isAlternate ? 'u' : 'd', isAlternate ? 'pending SQL' : 'SQL of reverting the last'] as const] : []),
					['q/esc', 'back'],
				]}
			/>
		</Box>
	);
}
