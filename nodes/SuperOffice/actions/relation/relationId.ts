// The Relation ID parameter that Get and Delete share.
import type { INodeProperties } from 'n8n-workflow';

/** Relation ID, worded for what the operation does with the relation ("get", "delete"). */
export function relationIdProperty(verb: string): INodeProperties {
	return {
		displayName: 'Relation ID',
		name: 'relationId',
		type: 'number',
		default: 0,
		required: true,
		description: `ID of the relation between two companies or persons to ${verb} (its RelationId)`,
	};
}
