// SuperOffice archive lists (OData lists such as Selections, a selection's Members, a company's Relations): read
// up to Limit, and their rows' values read the same way whatever form SuperOffice gives them in.
import type { IDataObject } from 'n8n-workflow';
import type { RequestContext, RequestPolicy } from '../../shared/http';
import type { SuperOfficeRequest } from '../transport';
import { superOfficeRows } from '../transport';

/** A whole-number id from a row; 0 when the row has none. */
export function rowId(value: unknown): number {
	const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	return typeof number === 'number' && Number.isSafeInteger(number) ? number : 0;
}

/** A text from a row; '' when the row has none. */
export function rowText(value: unknown): string {
	return typeof value === 'string' ? value : '';
}

/**
 * The rows of an archive list, every one (limit undefined) or the first `limit`, each made a record by `record`;
 * with Fields set, the rows as SuperOffice returns those columns.
 */
export async function archiveRecords(
	context: RequestContext,
	request: SuperOfficeRequest,
	limit: number | undefined,
	policy: RequestPolicy,
	record?: (row: IDataObject) => IDataObject,
): Promise<IDataObject[]> {
	const rows = await superOfficeRows.call(context, request, { limit }, policy);
	// Limit holds even where SuperOffice answers more rows than $top asked for.
	const wanted = limit === undefined ? rows : rows.slice(0, limit);
	return record && !request.options?.select?.trim() ? wanted.map(record) : wanted;
}
