import {Box, Text} from 'ink';
import type {MenuItem} from '../menu-items.js';

export type MenuProps = {
	readonly items: readonly MenuItem[];
	readonly selected: number;
	/** Two columns when there is room (width >= 70). */
	readonly width: number;
	/** How many items the left column holds in two-column mode. */
	readonly split: number;
};

function Entry({item, isSelected, width}: {readonly item: MenuItem; readonly isSelected: boolean; readonly width: number}) {
	return (
		<Box width={width}>
			<Text color={isSelected ? 'cyan' : undefined} bold={isSelected} wrap="truncate-end">
				{isSelected ? '› ' : '  '}
				<Text color={isSelected ? 'cyan' : 'magenta'} bold>
					{item.key}
				</Text>
				{'  '}
				{item.label}
			</Text>
		</Box>
	);
}

/** The keyboard menu; the selected item has a pointer and colour (the pointer alone under NO_COLOR). */
export function Menu({items, selected, width, split}: MenuProps) {
	const isTwoColumns = width >= 70;
	const columns = isTwoColumns ? [items.slice(0, split), items.slice(split)] : [items];
	// The left column is as wide as its longest entry (plus a gap), the right one gets the rest.
	const leftWidth = Math.min(Math.floor((width - 2) / 2), Math.max(...(columns[0] ?? []).map((item) => item.label.length + 5)) + 6);
	const widthOf = (columnIndex: number): number => (!isTwoColumns ? width : columnIndex === 0 ? leftWidth : width - 2 - leftWidth);
	return (
		<Box flexDirection="row">
			{columns.map((column, columnIndex) => (
				<Box key={columnIndex} flexDirection="column" width={widthOf(columnIndex)}>
					{column.map((item) => (
						<Entry key={item.id} item={item} isSelected={items.indexOf(item) === selected} width={widthOf(columnIndex)} />
					))}
				</Box>
			))}
		</Box>
	);
}
