import type {z} from 'zod';
import type {PgClient} from './connect.js';

/**
 * Runs a read and checks every row against its zod schema, so the rest of the code gets the row
 * type it declares rather than pg's unchecked generic. A mismatch is a bug in cc-dev's SQL (or a
 * server that answers differently), reported with the query's name rather than a wrong result.
 */
export async function queryRows<Schema extends z.ZodType>(client: PgClient, name: string, row: Schema, text: string, values: readonly unknown[] = []): Promise<Array<z.output<Schema>>> {
	const result = await client.query(text, [...values]);
	return result.rows.map((raw, index) => {
		const checked = row.safeParse(raw);
		if (!checked.success) {
			const issue = checked.error.issues[0];
			throw new Error(`Unexpected row ${index + 1} from the ${name} query: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim());
		}
		return checked.data;
	});
}
