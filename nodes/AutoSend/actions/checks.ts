// Input checks the AutoSend operations share: IDs that go into a URL path, and single email addresses.
import type { INode } from 'n8n-workflow';
import type { ItemParameters } from '../../shared/parameters';
import { invalidInput, normaliseEmail } from '../../shared/validation';

/**
 * An ID that is placed in a URL path. Encoding alone is not enough: an ID of ".." would be resolved by the
 * HTTP client into another endpoint (/contact-lists/.. is /contact-lists). AutoSend IDs are letters,
 * digits, - and _.
 */
export function pathId(node: INode, itemIndex: number, label: string, id: string, fix: string): string {
	if (!/^[A-Za-z0-9_-]+$/.test(id)) {
		throw invalidInput(node, itemIndex, `${label} "${id}" is not an AutoSend ID`, fix);
	}
	return id;
}

/** Exactly one email address, normalised as AutoSend stores it; undefined when optional and empty. */
export function oneEmail(
	parameters: ItemParameters,
	node: INode,
	name: string,
	itemIndex: number,
	{ required = true } = {},
): string | undefined {
	const label = parameters.label(name);
	const text = parameters.text(name, itemIndex, {
		required,
		fix: `Enter one email address in ${label}, e.g. jane@example.com.`,
	});
	if (text === undefined) return undefined;
	const email = normaliseEmail(text);
	if (email === undefined) {
		throw invalidInput(
			node,
			itemIndex,
			`${label} is ${JSON.stringify(text.slice(0, 80))}, which is not one email address`,
			`Enter one address like name@example.com in ${label} (no "mailto:", no list, no invisible characters).`,
		);
	}
	return email;
}

/** Text that AutoSend caps at `max` characters; refused before sending when longer. */
export function maxLength(node: INode, itemIndex: number, label: string, text: string | undefined, max: number) {
	if (text !== undefined && text.length > max) {
		throw invalidInput(
			node,
			itemIndex,
			`${label} has ${text.length} characters; AutoSend accepts at most ${max}`,
			`Shorten ${label} to ${max} characters or fewer.`,
		);
	}
	return text;
}
