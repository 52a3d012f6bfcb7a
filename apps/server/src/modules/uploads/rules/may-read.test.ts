import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mayAttach, mayRead, type UploadAccess, type UploadReader } from './may-read';

const staff = (userId: number, projectIds: number[], companyId = 1): UploadReader => ({
  kind: 'staff',
  companyId,
  userId,
  projectIds,
});
const portal = (phone: string, companyId = 1): UploadReader => ({ kind: 'portal', companyId, phone });
const upload = (u: Partial<UploadAccess>): UploadAccess => ({
  companyId: 1,
  projectId: null,
  uploadedById: null,
  portalPhone: null,
  ...u,
});

describe('mayRead', () => {
  it.each([
    ['own unattached upload', upload({ uploadedById: 7 }), staff(7, []), true],
    ['colleague’s unattached upload', upload({ uploadedById: 8 }), staff(7, [1]), false],
    ['upload of my project', upload({ projectId: 1, uploadedById: 8 }), staff(7, [1]), true],
    ['upload of another project', upload({ projectId: 2, uploadedById: 8 }), staff(7, [1]), false],
    ['another company', upload({ companyId: 2, projectId: 1 }), staff(7, [1]), false],
    ['resident’s own', upload({ portalPhone: '+8613800000001' }), portal('+8613800000001'), true],
    ['another resident’s', upload({ portalPhone: '+8613800000001' }), portal('+8613800000002'), false],
    [
      'staff upload to a resident',
      upload({ projectId: 1, uploadedById: 7 }),
      portal('+8613800000001'),
      false,
    ],
    ['resident upload of my project', upload({ projectId: 1, portalPhone: '+86138' }), staff(7, [1]), true],
  ])('%s → %s', (_name, u, reader, expected) => {
    expect(mayRead(u, reader)).toBe(expected);
  });

  it('never crosses companies', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 5 }),
        fc.option(fc.integer({ min: 1, max: 5 })),
        (a, b, projectId) => {
          fc.pre(a !== b);
          const u = upload({ companyId: a, projectId, uploadedById: 1, portalPhone: 'p' });
          expect(mayRead(u, staff(1, [1, 2, 3, 4, 5], b))).toBe(false);
          expect(mayRead(u, portal('p', b))).toBe(false);
        },
      ),
    );
  });
});

describe('mayAttach', () => {
  it('takes an unattached or same-project upload, never another project’s', () => {
    const me = staff(7, [1, 2]);
    expect(mayAttach(upload({ uploadedById: 7 }), me, 1)).toBe(true);
    expect(mayAttach(upload({ projectId: 1, uploadedById: 7 }), me, 1)).toBe(true);
    expect(mayAttach(upload({ projectId: 2, uploadedById: 7 }), me, 1)).toBe(false);
  });
});
