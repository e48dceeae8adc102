// Form fields with their labels, hints and errors wired for assistive technology.
import type { ComponentChildren, InputHTMLAttributes, PartialInputHTMLAttributes, PartialSelectHTMLAttributes } from 'preact';
import { useId } from 'preact/hooks';

type InputProps = Omit<PartialInputHTMLAttributes<HTMLInputElement>, 'id' | 'label' | 'role' | 'type'> & {
  label: string;
  type?: 'text' | 'email' | 'password' | 'url' | 'search' | 'tel' | 'date' | 'datetime-local';
  hint?: ComponentChildren;
  error?: string | undefined;
};

export function TextField({ label, hint, error, type = 'text', ...input }: InputProps) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  // Preact types inputs as a union keyed on `type`; a field taking several types is checked by InputProps instead.
  const attributes = { ...input, id, type, 'aria-describedby': describedBy || undefined, 'aria-invalid': error ? true : undefined } as InputHTMLAttributes;
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <input {...attributes} />
      {error && (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

type SelectProps = Omit<PartialSelectHTMLAttributes<HTMLSelectElement>, 'id' | 'label' | 'role'> & {
  label: string;
  options: readonly (readonly [value: string, text: string])[];
};

export function SelectField({ label, options, ...select }: SelectProps) {
  const id = useId();
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select id={id} {...select}>
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}

export function CheckboxField(props: { label: string; checked: boolean; onChange: (checked: boolean) => void; hint?: string }) {
  const id = useId();
  return (
    <div class="field field-checkbox">
      <input id={id} type="checkbox" checked={props.checked} onChange={(e) => props.onChange(e.currentTarget.checked)} />
      <label for={id}>{props.label}</label>
      {props.hint && <p class="hint">{props.hint}</p>}
    </div>
  );
}
