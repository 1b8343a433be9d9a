import type Dockerode from 'dockerode';
import {EnvironmentError} from '../../errors.js';
import type {EventSink} from '../../events.js';
import type {EngineEndpoint} from './endpoint.js';
import {classifyEngineError, engineMessage} from './engine-errors.js';

/** One JSON object of the engine's pull stream. */
type PullMessage = {
	id?: string;
	status?: string;
	progressDetail?: {current?: number; total?: number};
	error?: string;
	errorDetail?: {message?: string};
};

/** True when the engine has the image locally (no registry access). */
export async function hasImage(docker: Dockerode, endpoint: EngineEndpoint, image: string): Promise<boolean> {
	try {
		await docker.getImage(image).inspect();
		return true;
	} catch (error) {
		if ((error as {statusCode?: number}).statusCode === 404) return false;
		throw classifyEngineError(endpoint, error, `inspect image ${image}`);
	}
}

function pullFailed(image: string, reason: string, cause?: unknown): EnvironmentError {
	return new EnvironmentError(`Could not pull the image ${image}: ${reason}`, {
		hint: 'Check the network and the registry, or load the image yourself (docker load / docker build) and set CC_DEV_DB_IMAGE to its name.',
		cause,
	});
}

/** Forwards the engine's pull messages as events: one pull-progress per layer update. */
function forward(image: string, onEvent: EventSink) {
	return (message: PullMessage) => {
		if (message.error) return;
		if (message.id && message.status && !message.status.startsWith('Pulling from')) {
			const detail = message.progressDetail ?? {};
			onEvent({
				type: 'pull-progress',
				image,
				layer: message.id,
				phase: message.status,
				...(detail.current === undefined ? {} : {current: detail.current}),
				...(detail.total === undefined ? {} : {total: detail.total}),
			});
		} else if (message.status) {
			onEvent({type: 'info', message: message.status});
		}
	};
}

/** Pulls the image unless the engine already has it; progress goes out as pull-progress events. */
export async function ensureImage(
	docker: Dockerode,
	endpoint: EngineEndpoint,
	image: string,
	onEvent: EventSink,
	signal?: AbortSignal,
): Promise<{pulled: boolean}> {
	if (await hasImage(docker, endpoint, image)) return {pulled: false};
	const started = Date.now();
	onEvent({type: 'pull-start', image});
	let stream: NodeJS.ReadableStream;
	try {
		stream = (await docker.pull(image, {abortSignal: signal})) as NodeJS.ReadableStream;
	} catch (error) {
		if ((error as {statusCode?: number}).statusCode) throw pullFailed(image, engineMessage(error), error);
		throw classifyEngineError(endpoint, error, `pull ${image}`);
	}
	const failure = await new Promise<string | undefined>((resolve) => {
		let lastError: string | undefined;
		docker.modem.followProgress(
			stream,
			(error: Error | null) => resolve(error ? error.message : lastError),
			(message: PullMessage) => {
				if (message.error) lastError = message.errorDetail?.message ?? message.error;
				forward(image, onEvent)(message);
			},
		);
		signal?.addEventListener('abort', () => (stream as unknown as {destroy?: () => void}).destroy?.(), {once: true});
	});
	if (failure) throw pullFailed(image, failure);
	if (!(await hasImage(docker, endpoint, image))) throw pullFailed(image, 'the engine reported no error but has no such image');
	onEvent({type: 'pull-done', image, durationMs: Date.now() - started});
	return {pulled: true};
}
