// Reads one item's parameter and checks it in one call, naming the field as the user sees it. A parameter
// that holds no expression has the same value for every item, so it is read once per execution: n8n's
// getNodeParameter costs about a millisecond per call, which is most of a 10,000-item run.
import type {
	IDataObject,
	IExecuteFunctions,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeProperties,
	NodeParameterValueType,
} from 'n8n-workflow';
import { FIELD_SUFFIX, FROM_INPUT_FIELDS, INPUT_MODE, inputFieldDefault } from './descriptions';
import { invalidInput, parseEmails, parseIdList, parseInteger } from './validation';

function holdsExpression(value: unknown): boolean {
	if (typeof value === 'string') return value.startsWith('=');
	if (Array.isArray(value)) return value.some(holdsExpression);
	if (value && typeof value === 'object') return Object.values(value).some(holdsExpression);
	return false;
}

/** A value at a dotted path ("contact.email") in an item's JSON; a plain field name is the usual case. */
function atPath(json: IDataObject, path: string): unknown {
	if (path in json) return json[path];
	let value: unknown = json;
	for (const key of path.split('.')) {
		if (!value || typeof value !== 'object' || !Object.prototype.hasOwnProperty.call(value, key)) return undefined;
		value = (value as IDataObject)[key];
	}
	return value;
}

export class ItemParameters {
	private readonly constant = new Map<string, unknown>();
	private readonly displayNames = new Map<string, string>();
	/** In "From Input Fields" mode: parameter name → the input field it is read from, and whether it may be absent. */
	private readonly inputFields = new Map<string, { field: string; optional: boolean; label: string }>();
	private inputItems: INodeExecutionData[] | undefined;
	/** n8n's getNode() deep-copies the node on every call: read once, not several times per item. */
	private readonly node: INode;

	constructor(
		private readonly context: IExecuteFunctions,
		properties: INodeProperties[],
	) {
		this.node = context.getNode();
		for (const property of properties) {
			if (!this.displayNames.has(property.name)) this.displayNames.set(property.name, property.displayName);
		}
		// The mode is not an expression (noDataExpression), so it is the same for every item.
		if (
			properties.some((property) => property.name === INPUT_MODE) &&
			this.value(INPUT_MODE, 0) === FROM_INPUT_FIELDS
		) {
			for (const property of properties) {
				const known = inputFieldDefault(property);
				if (!known || !property.name.endsWith(FIELD_SUFFIX)) continue;
				const parameter = property.name.slice(0, -FIELD_SUFFIX.length);
				const field = String(this.value(property.name, 0, '') ?? '').trim() || known.field;
				const label = this.displayNames.get(parameter) ?? parameter;
				this.inputFields.set(parameter, { field, optional: known.optional, label: property.displayName });
				this.displayNames.set(parameter, `${label} (input field "${field}")`);
			}
		}
	}

	/** The field's label in the node, for messages: "Company (Contact) ID" rather than "contactId". */
	label(name: string): string {
		return this.displayNames.get(name) ?? name;
	}

	/**
	 * The raw value for an item: in "From Input Fields" mode straight from the item's JSON (no expression is
	 * evaluated per item); otherwise the parameter, read once when it holds no expression.
	 */
	value(name: string, itemIndex: number, fallback?: unknown, extractValue = false): unknown {
		const input = this.inputFields.get(name);
		if (input !== undefined) {
			this.inputItems ??= this.context.getInputData();
			const value = atPath(this.inputItems[itemIndex]?.json ?? {}, input.field);
			if (value !== undefined && value !== null) return value;
			if (input.optional) return fallback;
			throw invalidInput(
				this.node,
				itemIndex,
				`The item has no field "${input.field}"`,
				`Input Mode is From Input Fields, so each item must hold "${input.field}". Add it to the items (with an Edit Fields node, say), enter the field's name in ${input.label}, or set Input Mode to Map Each Field.`,
			);
		}
		const parameters = this.node.parameters as INodeParameters;
		const read = (index: number) =>
			this.context.getNodeParameter(name, index, fallback as NodeParameterValueType, { extractValue });
		if (holdsExpression(parameters[name])) return read(itemIndex);
		const key = `${name}\u0000${extractValue}`;
		if (!this.constant.has(key)) this.constant.set(key, read(itemIndex));
		return this.constant.get(key);
	}

	/** A whole-number ID in SuperOffice's range; `allowZero` where 0 has a meaning (Person ID 0 = the company). */
	id(name: string, itemIndex: number, { allowZero = false, locator = false } = {}): number {
		return parseInteger(this.node, itemIndex, this.label(name), this.value(name, itemIndex, 0, locator), {
			allowZero,
		});
	}

	/** A resource locator's value as text, trimmed; refused when empty. */
	locator(name: string, itemIndex: number, fix: string): string {
		const text = String(this.value(name, itemIndex, '', true) ?? '').trim();
		if (text === '') throw invalidInput(this.node, itemIndex, `${this.label(name)} is empty`, fix);
		return text;
	}

	/** One or more email addresses (a value, a comma-separated list or an array), checked and normalised. */
	emails(name: string, itemIndex: number): string[] {
		return parseEmails(this.node, itemIndex, this.label(name), this.value(name, itemIndex, ''));
	}

	/** One or more IDs (a value, a comma-separated list or an array). */
	idList(name: string, itemIndex: number): string[] {
		return parseIdList(this.node, itemIndex, this.label(name), this.value(name, itemIndex, ''));
	}

	/** Text, trimmed; refused when `required` and empty. Undefined when optional and empty. */
	text(name: string, itemIndex: number, { required = false, fix = '' } = {}): string | undefined {
		const value = this.value(name, itemIndex, '');
		if (value !== undefined && value !== null && typeof value !== 'string' && typeof value !== 'number') {
			throw invalidInput(
				this.node,
				itemIndex,
				`${this.label(name)} must be text, but got ${JSON.stringify(value)?.slice(0, 60)}`,
				fix || `Enter ${this.label(name)} as text, or use an expression that resolves to text for this item.`,
			);
		}
		const text = String(value ?? '').trim();
		if (text === '' && required) {
			throw invalidInput(this.node, itemIndex, `${this.label(name)} is empty`, fix || `Enter ${this.label(name)}.`);
		}
		return text === '' ? undefined : text;
	}

	/** A JSON object: an object from an expression, or its JSON text; undefined when empty. */
	object(name: string, itemIndex: number): IDataObject | undefined {
		const value = this.value(name, itemIndex, undefined);
		if (value === undefined || value === null || value === '') return undefined;
		let parsed: unknown = value;
		if (typeof value === 'string') {
			try {
				parsed = JSON.parse(value);
			} catch (error) {
				throw invalidInput(
					this.node,
					itemIndex,
					`${this.label(name)} is not valid JSON: ${(error as Error).message}`,
					`Enter ${this.label(name)} as a JSON object, e.g. {"key": "value"}.`,
				);
			}
		}
		if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
			throw invalidInput(
				this.node,
				itemIndex,
				`${this.label(name)} must be a JSON object, but got ${JSON.stringify(parsed)?.slice(0, 60)}`,
				`Enter ${this.label(name)} as a JSON object, e.g. {"key": "value"}.`,
			);
		}
		return parsed as IDataObject;
	}

	/** A collection (Additional Fields, Filters, …): its entries as given, {} when none. */
	collection(name: string, itemIndex: number): IDataObject {
		const value = this.value(name, itemIndex, {});
		return value && typeof value === 'object' && !Array.isArray(value) ? (value as IDataObject) : {};
	}

	/** A boolean parameter; expressions may give "true"/"false". */
	flag(name: string, itemIndex: number, fallback = false): boolean {
		const value = this.value(name, itemIndex, fallback);
		return value === true || value === 'true';
	}

	/** An options parameter's value, one of `allowed`. */
	choice<T extends string>(name: string, itemIndex: number, allowed: readonly T[]): T {
		const value = this.value(name, itemIndex, allowed[0]);
		if (!allowed.includes(value as T)) {
			throw invalidInput(
				this.node,
				itemIndex,
				`${this.label(name)} must be one of ${allowed.join(', ')}, but got ${JSON.stringify(value)}`,
				`Choose ${this.label(name)} again in the node.`,
			);
		}
		return value as T;
	}
}
