import type { zh } from './jobcard';

export const en: typeof zh = {
  jobCard: {
    estate: 'Estate',
    building: 'Building',
    room: 'Unit',
    call: 'Call',
    signature: 'Resident signature',
    signHint: 'Ask the resident to sign in the box',
    signClear: 'Clear',
    signRequired: 'Have the resident sign, or leave it for the butler’s on-site acceptance',
    signed: 'Signed by the resident',
    onSite: {
      waived: 'Signed: no on-site acceptance needed',
      required: 'Awaiting the butler’s on-site acceptance',
    },
    uploading: 'Uploading…',
    uploadFailed: 'Photo upload failed: {{message}}',
    tooLarge: 'The photo is over 10 MB; please take it again',
    print: 'Print work order',
    printA4: 'Print A4',
    printShift: 'Print this shift’s work orders',
    printShiftHint: 'Every order created this shift (since {{from}}), one per page',
  },
};
