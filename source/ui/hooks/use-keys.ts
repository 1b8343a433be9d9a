import {useInput, type Key} from 'ink';
import {createContext, createElement, useContext, useLayoutEffect, useMemo, useRef, type ReactNode} from 'react';

export type KeyHandler = (input: string, key: Key) => void;

type HandlerRef = {current: KeyHandler};

type KeyRouter = {add(handler: HandlerRef): () => void};

const KeyRouterContext = createContext<KeyRouter | undefined>(undefined);

/**
 * The app's one subscription to Ink's input, handing each key to the screens' handlers. Ink's own
 * useInput subscribes in a passive effect, after the frame is drawn: a key typed right after a
 * screen appears went to the screen before it. useKeys subscribes in a layout effect instead, in
 * the same commit that draws the screen, so a key always reaches the screen that is shown.
 */
export function KeyRouterProvider({children}: {readonly children: ReactNode}) {
	const handlers = useRef(new Set<HandlerRef>());
	useInput((input, key) => {
		const current = handlers.current;
		// A handler may change the screen: the new screen's handlers wait for the next key, the old one's are gone.
		for (const handler of [...current]) if (current.has(handler)) handler.current(input, key);
	});
	const router = useMemo<KeyRouter>(() => ({
		add(handler) {
			handlers.current.add(handler);
			return () => void handlers.current.delete(handler);
		},
	}), []);
	return createElement(KeyRouterContext.Provider, {value: router}, children);
}

/** Like Ink's useInput, but subscribed when the component is drawn (see KeyRouterProvider). */
export function useKeys(handler: KeyHandler, options: {readonly isActive?: boolean} = {}): void {
	const router = useContext(KeyRouterContext);
	if (!router) throw new Error('useKeys needs a KeyRouterProvider above it');
	const latest = useRef<HandlerRef>({current: handler});
	useLayoutEffect(() => {
		latest.current.current = handler;
	});
	const isActive = options.isActive !== false;
	useLayoutEffect(() => (isActive ? router.add(latest.current) : undefined), [router, isActive]);
}
