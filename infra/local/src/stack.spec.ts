import { describe, expect, it } from 'vitest';
import { loginLines } from './stack';

describe('loginLines', () => {
  it('keeps the seed’s login block and drops its JSON log lines and blanks', () => {
    const output = [
      '{"level":30,"msg":"seeding"}',
      'admin    admin@pathways.example   s3cret',
      '',
      '  {"level":30,"msg":"done"}',
      'editor   editor@pathways.example  other',
    ];
    expect(loginLines(output)).toEqual([
      'admin    admin@pathways.example   s3cret',
      'editor   editor@pathways.example  other',
    ]);
  });
});
