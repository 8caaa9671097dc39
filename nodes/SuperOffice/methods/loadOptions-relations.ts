// Options for the Relation operations: the tenant's relation definitions ("Subsidiary of", "Supplier to", …).
import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
import { superOfficeRequest } from '../transport';

/** An MDO list item as GET /MDOList/{listname} gives it; only the fields the picker reads. */
interface MdoListItem {
	Id?: number;
	Name?: string;
	ToolTip?: string;
	Deleted?: boolean;
	ChildItems?: MdoListItem[] | null;
}

export async function getRelationDefinitions(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const items = (await superOfficeRequest.call(this, {
		method: 'GET',
		path: '/MDOList/relationdefinition',
		action: 'list the relation definitions',
		idempotent: true,
		qs: { flat: true },
	})) as MdoListItem[] | null;
	const options: INodePropertyOptions[] = [];
	// flat=true asks for one level; headings with children are read through all the same.
	const collect = (list: MdoListItem[] | null | undefined) => {
		for (const item of list ?? []) {
			if (item.Deleted !== true && typeof item.Id === 'number' && item.Id > 0) {
				options.push({
					name: item.Name || `Relation definition ${item.Id}`,
					value: item.Id,
					description: item.ToolTip || undefined,
				});
			}
			collect(item.ChildItems);
		}
	};
	collect(Array.isArray(items) ? items : []);
	return options;
}
