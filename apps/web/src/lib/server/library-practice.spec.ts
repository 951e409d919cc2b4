import { describe, expect, it } from 'vitest';
import { versionAddress } from './library-practice';

describe('library practice pages', () => {
  it('takes only addresses that can name a published version', () => {
    expect(versionAddress('remesas-1a2b3c4d')).toEqual({ slug: 'remesas-1a2b3c4d' });
    expect(versionAddress('remesas-1a2b3c4d', '3')).toEqual({ slug: 'remesas-1a2b3c4d', number: 3 });
    expect(versionAddress('Remesas')).toBeNull();
    expect(versionAddress('remesas', '0')).toBeNull();
    expect(versionAddress('remesas', 'latest')).toBeNull();
  });
});
