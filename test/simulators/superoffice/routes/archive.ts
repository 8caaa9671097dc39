/**
 * The Person and Contact lists (GET /v1/Person, GET /v1/Contact) as SuperOffice's archive providers answer
 * them: $select, $filter, $orderBy, $top, $skip and odata.nextLink. $filter understands what the
 * documentation lists and the node sends (terms joined by "and"; eq, ne, is, isNot, contains, begins,
 * gt, ge, lt, le, after, before, startswith(), endswith()); anything else is a 400, not silently ignored.
 */
import type { SimRequest } from '../../common/request';
import type { SimResponse } from '../../common/response';
import { InvalidInput, restError, tryParse } from '../helpers';

export type ColumnType = 'int' | 'string' | 'date' | 'bool';
export type ArchiveRow = Record<string, unknown>;

/** A column of an archive provider, e.g. { name: 'email/emailAddress', type: 'string' }. */
export interface ArchiveColumn {
	name: string;
	type: ColumnType;
}

type Predicate = (row: ArchiveRow) => boolean;

export function archiveList(
	req: SimRequest,
	rows: ArchiveRow[],
	columns: ArchiveColumn[],
	webApiUrl: string,
): SimResponse {
	const query = tryParse(() => parseQuery(req.query, columns));
	if (query instanceof InvalidInput) return restError(400, 'ArgumentException', query.message);
	const matches = rows.filter((row) => query.filters.every((keep) => keep(row)));
	if (query.orderBy) {
		const { column, direction } = query.orderBy;
		matches.sort((a, b) => direction * compare(a[column], b[column]));
	}
	const end = query.top === undefined ? matches.length : query.skip + query.top;
	const body: ArchiveRow = { 'odata.metadata': `${webApiUrl}/v1/archive$metadata` };
	if (end < matches.length) {
		const next = new URLSearchParams(req.query);
		next.set('$skip', String(end));
		body['odata.nextLink'] = `${webApiUrl}${req.path}?${next.toString()}`;
	}
	body.value = matches.slice(query.skip, end).map((row) => pick(row, query.select));
	return { status: 200, body };
}

interface Query {
	select?: string[];
	filters: Predicate[];
	orderBy?: { column: string; direction: 1 | -1 };
	top?: number;
	skip: number;
}

function parseQuery(query: Record<string, string>, columns: ArchiveColumn[]): Query {
	const column = (name: string, where: string) => {
		const found = columns.find((c) => c.name.toLowerCase() === name.toLowerCase());
		if (!found) throw new InvalidInput(`Unknown column '${name}' in ${where}`);
		return found;
	};
	const result: Query = { filters: [], skip: 0 };
	if (query.$select !== undefined) {
		result.select = query.$select
			.split(',')
			.map((name) => name.trim())
			.filter(Boolean)
			.map((name) => column(name, '$select').name);
	}
	if (query.$filter !== undefined) result.filters = parseFilter(query.$filter, (name) => column(name, '$filter'));
	if (query.$orderBy !== undefined) {
		const match = /^\s*([\w/:.]+)(?:\s+(asc|desc))?\s*$/i.exec(query.$orderBy);
		if (!match) throw new InvalidInput(`Unsupported $orderBy '${query.$orderBy}'`);
		result.orderBy = { column: column(match[1], '$orderBy').name, direction: /desc/i.test(match[2] ?? '') ? -1 : 1 };
	}
	if (query.$top !== undefined) result.top = nonNegative(query.$top, '$top');
	if (query.$skip !== undefined) result.skip = nonNegative(query.$skip, '$skip');
	return result;
}

function nonNegative(value: string, name: string): number {
	if (!/^\d+$/.test(value)) throw new InvalidInput(`${name} must be a non-negative integer`);
	return Number(value);
}

type Token = { kind: 'word'; text: string } | { kind: 'string'; text: string } | { kind: 'punct'; text: string };

function tokenize(filter: string): Token[] {
	const tokens: Token[] = [];
	let i = 0;
	while (i < filter.length) {
		const char = filter[i];
		if (/\s/.test(char)) {
			i++;
		} else if (char === "'") {
			let text = '';
			i++;
			for (;;) {
				if (i >= filter.length) throw new InvalidInput(`Unterminated string literal in $filter '${filter}'`);
				if (filter[i] === "'" && filter[i + 1] === "'") {
					text += "'";
					i += 2;
				} else if (filter[i] === "'") {
					i++;
					break;
				} else text += filter[i++];
			}
			tokens.push({ kind: 'string', text });
		} else if ('(),'.includes(char)) {
			tokens.push({ kind: 'punct', text: char });
			i++;
		} else {
			const match = /^[\w/:.\-+]+/.exec(filter.slice(i));
			if (!match) throw new InvalidInput(`Unexpected '${char}' in $filter '${filter}'`);
			tokens.push({ kind: 'word', text: match[0] });
			i += match[0].length;
		}
	}
	return tokens;
}

/** Terms joined by "and"; "or" and parentheses are not needed by the node and are refused. */
function parseFilter(filter: string, column: (name: string) => ArchiveColumn): Predicate[] {
	const tokens = tokenize(filter);
	const predicates: Predicate[] = [];
	let at = 0;
	const next = () => {
		const token = tokens[at++];
		if (!token) throw new InvalidInput(`Incomplete $filter '${filter}'`);
		return token;
	};
	for (;;) {
		const first = next();
		if (first.kind !== 'word') throw new InvalidInput(`Expected a column or function in $filter '${filter}'`);
		if (/^(startswith|endswith)$/i.test(first.text) && tokens[at]?.text === '(') {
			at++;
			const name = next();
			if (name.kind !== 'word' || next().text !== ',') throw new InvalidInput(`Malformed ${first.text}() in $filter`);
			const literal = next();
			if (literal.kind !== 'string' || next().text !== ')')
				throw new InvalidInput(`Malformed ${first.text}() in $filter`);
			const col = stringColumn(column(name.text), first.text);
			const text = literal.text.toLowerCase();
			predicates.push(
				/^startswith$/i.test(first.text)
					? (row) =>
							String(row[col.name] ?? '')
								.toLowerCase()
								.startsWith(text)
					: (row) =>
							String(row[col.name] ?? '')
								.toLowerCase()
								.endsWith(text),
			);
		} else {
			const col = column(first.text);
			const operator = next();
			const literal = next();
			if (operator.kind !== 'word') throw new InvalidInput(`Expected an operator after '${col.name}'`);
			predicates.push(term(col, operator.text.toLowerCase(), literal));
		}
		if (at === tokens.length) return predicates;
		const joiner = next();
		if (joiner.kind !== 'word' || joiner.text.toLowerCase() !== 'and') {
			throw new InvalidInput(`Unsupported $filter expression '${filter}' (only terms joined by "and")`);
		}
	}
}

function stringColumn(column: ArchiveColumn, operator: string): ArchiveColumn {
	if (column.type !== 'string')
		throw new InvalidInput(`Operator '${operator}' needs a text column, not '${column.name}'`);
	return column;
}

function term(column: ArchiveColumn, operator: string, literal: Token): Predicate {
	const value = (row: ArchiveRow) => row[column.name];
	if (column.type === 'string') {
		if (literal.kind !== 'string') throw new InvalidInput(`'${column.name}' compares with a quoted text`);
		const text = literal.text.toLowerCase();
		const of = (row: ArchiveRow) => String(value(row) ?? '').toLowerCase();
		// Text comparisons ignore case, as SuperOffice's database collation does.
		switch (operator) {
			case 'eq':
			case 'is':
				return (row) => of(row) === text;
			case 'ne':
			case 'isnot':
				return (row) => of(row) !== text;
			case 'contains':
				return (row) => of(row).includes(text);
			case 'begins':
				return (row) => of(row).startsWith(text);
		}
	}
	if (column.type === 'int') {
		if (literal.kind !== 'word' || !/^-?\d+$/.test(literal.text))
			throw new InvalidInput(`'${column.name}' compares with a whole number, got '${literal.text}'`);
		const number = Number(literal.text);
		const compareWith: Record<string, (a: number) => boolean> = {
			eq: (a) => a === number,
			ne: (a) => a !== number,
			gt: (a) => a > number,
			ge: (a) => a >= number,
			lt: (a) => a < number,
			le: (a) => a <= number,
		};
		const test = compareWith[operator];
		if (test) return (row) => test(Number(value(row)));
	}
	if (column.type === 'date') {
		if (literal.kind !== 'string') throw new InvalidInput(`'${column.name}' compares with a quoted date`);
		const when = parseDate(literal.text);
		if (operator === 'after') return (row) => Date.parse(String(value(row))) > when;
		if (operator === 'before') return (row) => Date.parse(String(value(row))) < when;
	}
	throw new InvalidInput(`Operator '${operator}' is not supported for column '${column.name}' (${column.type})`);
}

/** '2026-1-15', '2026-01-15' or '2026-01-15T10:00:00' (UTC), with an optional Z. */
function parseDate(text: string): number {
	const match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?Z?)?$/.exec(text);
	if (!match) throw new InvalidInput(`'${text}' is not a date`);
	const [, y, m, d, hh = '0', mm = '0', ss = '0'] = match;
	return Date.UTC(Number(y), Number(m) - 1, Number(d), Number(hh), Number(mm), Number(ss));
}

function compare(a: unknown, b: unknown): number {
	if (typeof a === 'number' && typeof b === 'number') return a - b;
	return String(a ?? '').localeCompare(String(b ?? ''));
}

function pick(row: ArchiveRow, select: string[] | undefined): ArchiveRow {
	if (!select) return row;
	const picked: ArchiveRow = { PrimaryKey: row.PrimaryKey, EntityName: row.EntityName };
	for (const column of select) picked[column] = row[column];
	return picked;
}
