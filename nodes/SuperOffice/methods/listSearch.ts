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
