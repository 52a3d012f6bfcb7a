// The update-body helper lives with the shared contracts, which derive their PATCH bodies from it too.
export { patchOf } from '@guanjia/shared/api';
