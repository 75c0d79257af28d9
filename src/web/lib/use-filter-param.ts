import { useSearchParams } from 'react-router-dom';

/**
 * A list filter kept in the address (`?type=er`), so a filtered list can be linked and survives a reload. A value
 * that is not one of the options reads as no filter.
 */
export function useFilterParam<Value extends string>(name: string, options: readonly Value[]): [Value | undefined, (value: Value | undefined) => void] {
  const [params, setParams] = useSearchParams();
  const raw = params.get(name);
  const value = options.find((option) => option === raw);
  const setValue = (next: Value | undefined) => {
    setParams(
      (current) => {
        const updated = new URLSearchParams(current);
        if (next) updated.set(name, next);
        else updated.delete(name);
        return updated;
      },
      { replace: true },
    );
  };
  return [value, setValue];
}
