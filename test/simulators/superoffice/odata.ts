/**
 * Archive-style list answers for the REST reads (Selection, Members, and the person and company
 * lists to come): $filter, $orderBy, $skip, $top, $select, plus odata.nextLink when rows remain.
 */
import type { SimRequest } from '../common/request';
import type { SimResponse } from '../common/response';
import { InvalidInput, restError, tryParse } from './helpers';

type Row = Record<string, unknown>;

interface ODataQuery {
	select?: string[];
	nameFilter?: (name: string) => boolean;
	top?: number;
	skip: number;
	orderBy?: 'asc' | 'desc';
}

/** Answers a list of rows; columns are the names $select may ask for. */
export function odataList(req: SimRequest, rows: Row[], columns: string[], webApiUrl: string): SimResponse {
	const query = tryParse(() => parseODataQuery(req.query, columns));
	if (query instanceof InvalidInput) return restError(400, 'ArgumentException', query.message);
	const { nameFilter } = query;
	const matches = nameFilter ? rows.filter((row) => nameFilter(displayName(row))) : rows;
	if (query.orderBy) {
		const direction = query.orderBy === 'desc' ? -1 : 1;
		matches.sort((a, b) => direction * displayName(a).localeCompare(displayName(b)));
	}
	const end = query.top === undefined ? matches.length : query.skip + query.top;
	const body: Row = { 'odata.metadata': `${webApiUrl}/v1/archive$metadata` };
	if (end < matches.length) {
		const next = new URLSearchParams(req.query);
		next.set('$skip', String(end));
		body['odata.nextLink'] = `${webApiUrl}${req.path}?${next.toString()}`;
	}
	body.value = matches.slice(query.skip, end).map((row) => selectColumns(row, query.select));
	return { status: 200, body };
}

function parseODataQuery(query: Record<string, string>, columns: string[]): ODataQuery {
	const result: ODataQuery = { skip: 0, nameFilter: parseNameFilter(query.$filter) };
	if (query.$select !== undefined) {
		const wanted = query.$select
			.split(',')
			.map((c) => c.trim())
			.filter(Boolean);
		for (const column of wanted) {
			if (!columns.some((c) => c.toLowerCase() === column.toLowerCase())) {
				throw new InvalidInput(`Unknown column '${column}' in $select`);
			}
		}
		result.select = wanted.map((w) => columns.find((c) => c.toLowerCase() === w.toLowerCase())!);
	}
	if (query.$top !== undefined) result.top = parseNonNegative(query.$top, '$top');
	if (query.$skip !== undefined) result.skip = parseNonNegative(query.$skip, '$skip');
	if (query.$orderBy !== undefined) {
		const order = /^\s*name(?:\s+(asc|desc))?\s*$/i.exec(query.$orderBy);
		if (!order) throw new InvalidInput(`Unsupported $orderBy '${query.$orderBy}'`);
		result.orderBy = (order[1]?.toLowerCase() as 'asc' | 'desc' | undefined) ?? 'asc';
	}
	return result;
}

function parseNonNegative(value: string, name: string): number {
	if (!/^\d+$/.test(value)) throw new InvalidInput(`${name} must be a non-negative integer`);
	return Number(value);
}

/** Only the two name filters the node needs; anything else is rejected rather than ignored. */
function parseNameFilter(filter: string | undefined): ((name: string) => boolean) | undefined {
	if (filter === undefined) return undefined;
	const literal = `'((?:[^']|'')*)'`;
	const contains = new RegExp(`^\\s*name\\s+contains\\s+${literal}\\s*$`, 'i').exec(filter);
	const startsWith = new RegExp(`^\\s*startswith\\(\\s*name\\s*,\\s*${literal}\\s*\\)\\s*$`, 'i').exec(filter);
	const text = (contains ?? startsWith)?.[1]?.replace(/''/g, "'").toLowerCase();
	if (text === undefined) throw new InvalidInput(`Unsupported $filter expression '${filter}'`);
	return contains ? (name) => name.toLowerCase().includes(text) : (name) => name.toLowerCase().startsWith(text);
}

/** Selections and companies have a name, persons a fullName; filters and ordering use whichever exists. */
function displayName(row: Row): string {
	return String(row.name ?? row.fullName ?? '');
}

function selectColumns(row: Row, select: string[] | undefined): Row {
	if (!select) return row;
	const picked: Row = { PrimaryKey: row.PrimaryKey, EntityName: row.EntityName };
	for (const column of select) if (column in row) picked[column] = row[column];
	return picked;
}
