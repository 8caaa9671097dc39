// Resource-locator search for the SuperOffice node: the tenant's selections, filtered by name on the server.
import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { superOfficeRequest } from '../transport';

const PAGE_SIZE = 50;

export async function searchSelections(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const skip = Number(paginationToken ?? 0) || 0;
	const qs: IDataObject = {
		$select: 'selectionId,name,kind,memberCount',
		$orderBy: 'name',
		$top: PAGE_SIZE,
		$skip: skip,
	};
	const text = filter?.trim();
	// OData string literals escape a quote by doubling it.
	if (text) qs.$filter = `name contains '${text.replace(/'/g, "''")}'`;

	const response = (await superOfficeRequest.call(this, {
		method: 'GET',
		path: '/Selection',
		action: 'list selections',
		idempotent: true,
		qs,
	})) as { value?: IDataObject[]; 'odata.nextLink'?: string } | null;

	const rows = response?.value ?? [];
	return {
		results: rows.map((row) => ({
			name: `${String(row.name)} (${String(row.kind ?? 'selection')}, ${String(row.memberCount ?? '?')} members)`,
			value: String(row.selectionId ?? row.PrimaryKey),
		})),
		paginationToken: response?.['odata.nextLink'] ? String(skip + rows.length) : undefined,
	};
}

/** One page of an archive list (persons, companies) whose name contains the filter, for a resource locator. */
async function searchArchive(
	context: ILoadOptionsFunctions,
	{ path, what, select, nameColumn, filter, paginationToken }: ArchiveSearch,
	label: (row: IDataObject) => string,
): Promise<INodeListSearchResult> {
	const skip = Number(paginationToken ?? 0) || 0;
	const qs: IDataObject = { $select: select, $orderBy: nameColumn, $top: PAGE_SIZE, $skip: skip };
	const text = filter?.trim();
	if (text) qs.$filter = `${nameColumn} contains '${text.replace(/'/g, "''")}'`;
	const response = (await superOfficeRequest.call(context, {
		method: 'GET',
		path,
		action: `list ${what}`,
		idempotent: true,
		qs,
	})) as { value?: IDataObject[]; 'odata.nextLink'?: string } | null;
	const rows = response?.value ?? [];
	return {
		results: rows.map((row) => ({ name: label(row), value: String(row.PrimaryKey) })),
		paginationToken: response?.['odata.nextLink'] ? String(skip + rows.length) : undefined,
	};
}

interface ArchiveSearch {
	path: string;
	what: string;
	select: string;
	nameColumn: string;
	filter?: string;
	paginationToken?: string;
}

/** "Kari Nordmann (Nordic Bikes AS, kari@…)": name, then what tells two namesakes apart. */
const labelled = (name: unknown, ...details: unknown[]) => {
	const known = details.map((detail) => String(detail ?? '').trim()).filter(Boolean);
	return known.length > 0 ? `${String(name)} (${known.join(', ')})` : String(name);
};

export async function searchPersons(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchArchive(
		this,
		{
			path: '/Person',
			what: 'persons',
			select: 'personId,fullName,personContact/name,email/emailAddress',
			nameColumn: 'fullName',
			filter,
			paginationToken,
		},
		(row) => labelled(row.fullName, row['personContact/name'], row['email/emailAddress']),
	);
}

export async function searchCompanies(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchArchive(
		this,
		{
			path: '/Contact',
			what: 'companies',
			select: 'contactId,name,department',
			nameColumn: 'name',
			filter,
			paginationToken,
		},
		(row) => labelled(row.name, row.department),
	);
}
