import {Box, Text} from 'ink';
import {useEffect, useRef} from 'react';
import {ConfirmPrompt} from '../components/confirm-prompt.js';
import {ErrorView} from '../components/error-view.js';
import {Header} from '../components/header.js';
import {KeyHints} from '../components/key-hints.js';
import {OutcomeView} from '../components/outcome-view.js';
import {ProgressLine} from '../components/progress-line.js';
import {TaskList} from '../components/task-list.js';
import type {ErrorInfo} from '../hooks/task-state.js';
import {useTask, type TaskRunner} from '../hooks/use-task.js';
import type {MenuItem} from '../menu-items.js';
import type {ActionOutcome, ProjectState} from '../services/types.js';
import {formatMs} from '../tone.js';
import {useKeys} from '../hooks/use-keys.js';

export type TaskScreenProps = {
	readonly item: MenuItem;
	readonly run: TaskRunner;
	readonly controller: AbortController;
	readonly project: ProjectState | undefined;
	readonly isLoading: boolean;
	readonly width: number;
	readonly height: number;
	readonly verbose?: boolean;
	readonly onSettled: (result: {outcome?: ActionOutcome; error?: ErrorInfo; isCancelled?: boolean}) => void;
	readonly onBack: () => void;
};

/**
 * Live work: the task list with spinners and durations, a progress bar for migrations and image
 * pulls, the last log lines; then the outcome, or the error with its hint. Esc cancels while it
 * runs; Enter or Esc goes back to the menu once it is over.
 */
export function TaskScreen({item, run, controller, project, isLoading, width, height, verbose = false, onSettled, onBack}: TaskScreenProps) {
	const {state, answer} = useTask(run, controller, verbose);
	const isOver = state.phase === 'done' || state.phase === 'failed';
	const reported = useRef(false);
	// Reported once, from the effect or, if a key comes first, before going back.
	const report = (): void => {
		if (!isOver || reported.current) return;
		reported.current = true;
		if (state.phase === 'done' && state.outcome) onSettled({outcome: state.outcome});
		else onSettled({...(state.error ? {error: state.error} : {}), isCancelled: state.items.some((entry) => entry.status === 'cancelled') || controller.signal.aborted});
	};
	useEffect(report, [isOver, state, controller, onSettled]);
	useKeys(
		(input, key) => {
			if (key.ctrl) return;
			if (isOver && (key.return || key.escape || input === 'q')) {
				report();
				onBack();
			} else if (!isOver && state.phase === 'running' && key.escape) controller.abort();
		},
		{isActive: state.phase !== 'confirm'},
	);
	const warnings = project?.warnings.length ?? 0;
	const available = height - (3 + Math.min(warnings, 1) + (warnings > 1 ? 1 : 0)) - 3;
	const resultNeeds = state.outcome ? 2 + (state.outcome.lines?.length ?? 0) : state.error ? 2 + state.error.message.split('\n').length + (state.error.excerpt?.split('\n').length ?? 0) + (state.error.hint?.split('\n').length ?? 0) : 0;
	const resultRoom = isOver ? Math.min(resultNeeds, Math.max(available - 4, 3)) : 0;
	const extras = isOver ? 0 : (state.progress ? 1 : 0) + state.logs.length + (state.question ? state.question.details.length + 3 : 0);
	const listLimit = Math.max(available - resultRoom - extras - 1, 1);
	const isCancelled = controller.signal.aborted;
	return (
		<Box flexDirection="column" width={width} height={height} overflow="hidden">
			<Header state={project} isLoading={isLoading} maxWarnings={1} />
			<Box marginTop={1}>
				<Text bold wrap="truncate-end">
					▸ {item.label}
					<Text dimColor>{state.durationMs === undefined ? '' : ` · ${formatMs(state.durationMs)}`}</Text>
					{state.isCancelling && !isOver ? <Text color="yellow"> · cancelling (Ctrl-C again exits at once)</Text> : null}
				</Text>
			</Box>
			<TaskList items={state.items} width={width} limit={listLimit} />
			{state.progress && !isOver ? <ProgressLine progress={state.progress} width={width} /> : null}
			{(isOver ? [] : state.logs).map((line, index) => (
				<Text key={index} dimColor wrap="truncate-end">
					{line}
				</Text>
			))}
			{state.question ? <ConfirmPrompt question={state.question.text} details={state.question.details} onAnswer={answer} /> : null}
			<Box flexDirection="column" flexGrow={1} marginTop={isOver ? 1 : 0} overflow="hidden">
				{state.phase === 'done' && state.outcome ? <OutcomeView outcome={state.outcome} maxLines={resultRoom - 2} /> : null}
				{state.phase === 'failed' && state.error ? <ErrorView error={state.error} title={isCancelled ? 'cancelled' : 'failed'} maxLines={resultRoom - 1} /> : null}
			</Box>
			<KeyHints hints={isOver ? [['enter', 'back to the menu'], ['esc', 'back']] : [['esc', 'cancel'], ['Ctrl-C', 'cancel, twice to exit']]} />
		</Box>
	);
}
