import {useEffect, useRef, useState} from 'react';
import type {AppServices, ProjectState} from '../services/types.js';

/**
 * The header's project state, read again whenever `refreshes` changes; the previous one stays on
 * screen meanwhile. With `initial`, the first read is already done.
 */
export function useProjectState(services: AppServices, refreshes: number, initial?: ProjectState): {project: ProjectState | undefined; isLoading: boolean} {
	const [project, setProject] = useState<ProjectState | undefined>(initial);
	const [isLoading, setLoading] = useState(initial === undefined);
	const skipFirst = useRef(initial !== undefined);
	useEffect(() => {
		if (skipFirst.current) {
			skipFirst.current = false;
			return;
		}
		let isCurrent = true;
		setLoading(true);
		services.loadProjectState().then(
			(state) => {
				if (!isCurrent) return;
				setProject(state);
				setLoading(false);
			},
			() => {
				if (isCurrent) setLoading(false);
			},
		);
		return () => {
			isCurrent = false;
		};
	}, [services, refreshes]);
	return {project, isLoading};
}
