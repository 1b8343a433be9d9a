import {formatName, nameOfRangeVar, nodeAs, optionEnabled} from '../ast.js';
import type {StatementRule} from '../rule.js';

export const vacuumFullOrCluster: StatementRule = {
	id: 'vacuum-full-or-cluster',
	kind: 'statement',
	severity: 'error',
	sections: 'both',
	summary: 'VACUUM FULL or CLUSTER in a migration.',
	why: 'VACUUM FULL and CLUSTER rewrite the whole table under an ACCESS EXCLUSIVE lock: every read and write waits until the copy is done, and they need disk space for a full copy of the table and its indexes.',
	fix: 'Leave routine vacuuming to autovacuum. To reclaim space online use pg_repack or pg_squeeze outside migrations; if a rewrite is really needed, run it in a maintenance window, not in a deploy.',
	check(statement) {
		const vacuum = nodeAs(statement.node, 'VacuumStmt');
		if (vacuum) {
			if (!vacuum.is_vacuumcmd || !optionEnabled(vacuum.options, 'full')) return [];
			const tables = (vacuum.rels ?? []).flatMap((relation) => {
				const name = nameOfRangeVar(nodeAs(relation, 'VacuumRelation')?.relation);
				return name ? [formatName(name)] : [];
			});
			return [{message: `VACUUM FULL ${tables.length > 0 ? tables.join(', ') : '(every table of the database)'} rewrites under an ACCESS EXCLUSIVE lock.`}];
		}
		const cluster = nodeAs(statement.node, 'ClusterStmt');
		if (!cluster) return [];
		const table = nameOfRangeVar(cluster.relation);
		return [{message: `CLUSTER ${table ? formatName(table) : '(every previously clustered table)'} rewrites under an ACCESS EXCLUSIVE lock.`}];
	},
};
