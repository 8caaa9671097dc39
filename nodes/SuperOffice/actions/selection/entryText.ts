// Reads a text entry of a collection (Filters, Additional Fields): ItemParameters reads whole collections, and an
// expression inside one can still give a number, an object or nothing.
import type { INode } from 'n8n-workflow';
import { invalidInput } from '../../../shared/validation';

/** The entry as trimmed text; undefined when empty; refused, naming the field, when it is not text. */
export function entryText(node: INode, itemIndex: number, label: string, value: unknown): string | undefined {
	if (value === undefined || value === null) return undefined;
	if (typeof value !== 'string' && typeof value !== 'number') {
		throw invalidInput(
			node,
			itemIndex,
			`${label} must be text, but got ${JSON.stringify(value)?.slice(0, 60)}`,
			`Enter ${label} as text, or remove it.`,
		);
	}
	const text = String(value).trim();
	return text === '' ? undefined : text;
}
