import { Input, type InputProps, type InputRef } from 'antd';
import { useLayoutEffect, useRef } from 'react';
import { caretAfterDigits, digitsBefore, digitsOf, groupDigits } from './digits';

interface DigitsInputProps extends Omit<InputProps, 'value' | 'onChange'> {
  /** A string of digits ('1269500000000'), as the API takes money. */
  value?: string;
  onChange?: (digits: string) => void;
  /** The most digits accepted (the API's money pattern allows 20). */
  maxDigits?: number;
}

/**
 * A whole number typed and shown in vi-VN grouping (`1.269.500.000.000`) while the form holds the
 * exact digits as a string — never a float. The caret stays after the digit just typed.
 */
export function DigitsInput({ value = '', onChange, maxDigits = 20, ...rest }: DigitsInputProps) {
  const ref = useRef<InputRef>(null);
  const caret = useRef<number | null>(null);
  const shown = groupDigits(value);

  useLayoutEffect(() => {
    const input = ref.current?.input;
    if (!input || caret.current === null || document.activeElement !== input) return;
    const position = caretAfterDigits(shown, caret.current);
    input.setSelectionRange(position, position);
    caret.current = null;
  }, [shown]);

  return (
    <Input
      {...rest}
      ref={ref}
      inputMode="numeric"
      autoComplete="off"
      value={shown}
      onChange={(event) => {
        const typed = event.target.value;
        const digits = digitsOf(typed).slice(0, maxDigits);
        const before = digitsBefore(typed, event.target.selectionStart ?? typed.length);
        // Leading zeros are dropped: the caret counts only the digits that stay.
        const dropped = typed.replace(/\D/g, '').length - digitsOf(typed).length;
        caret.current = Math.max(0, Math.min(digits.length, before - dropped));
        onChange?.(digits);
      }}
    />
  );
}
