/** The technician's job card (issue 14): job site, signature, uploads and the printable 派工单. */
export const zh = {
  jobCard: {
    estate: '小区',
    building: '楼栋',
    room: '房号',
    call: '拨打电话',
    signature: '住户签字',
    signHint: '请住户在框内手写签名',
    signClear: '重写',
    signRequired: '请先让住户签字，或留空后交管家现场验收',
    signed: '住户已签字',
    onSite: { waived: '已签字，免管家现场验收', required: '待管家现场验收' },
    uploading: '正在上传…',
    uploadFailed: '照片上传失败：{{message}}',
    tooLarge: '照片超过 10 MB，请重新拍摄',
    print: '打印派工单',
    printA4: 'A4 打印',
    printShift: '打印本班次派工单',
    printShiftHint: '本班次（{{from}} 起）创建的全部工单，每页一张派工单',
  },
};
