import {alterTableOf, formatName, nameOfRangeVar, nodeAs} from '../ast.js';
import type {RuleReport, StatementRule} from '../rule.js';

export const detachPartitionNotConcurrent: StatementRule = {
	id: 'detach-partition-not-concurrent',
	kind: 'statement',
	severity: 'error',
	sections: 'up',
	summary: 'ALTER TABLE ... DETACH PARTITION without CONCURRENTLY.',
	why: 'DETACH PARTITION takes an ACCESS EXCLUSIVE lock on the partitioned table: it waits behind every running query on any partition, and every query on the table queues behind it.',
	fix: 'Write ALTER TABLE ... DETACH PARTITION ... CONCURRENTLY (PostgreSQL 14+; SHARE UPDATE EXCLUSIVE, reads and writes continue) in a migration of its own with the header "-- Transaction: none", since it cannot run inside a transaction. If it fails half-way, finish it with DETACH PARTITION ... FINALIZE.',
	check(statement, context) {
		const alter = alterTableOf(statement.node);
		if (!alter || context.isNewTable(alter.table)) return [];
		const reports: RuleReport[] = [];
		for (const command of alter.commands) {
			if (command.subtype !== 'AT_DetachPartition') continue;
			const partition = nodeAs(command.def, 'PartitionCmd');
			if (!partition || partition.concurrent) continue;
			const name = nameOfRangeVar(partition.name);
			reports.push({message: `DETACH PARTITION ${name ? formatName(name) : ''} from ${formatName(alter.table)} without CONCURRENTLY.`, location: partition.name?.location});
		}
		return reports;
	},
};
