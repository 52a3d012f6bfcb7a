import { portalUploadUrl } from '../api/uploads';
import { PhotoPicker } from '../pages/tech/PhotoPicker';

/** Photos of a report: taken with the phone camera and uploaded through the portal's upload route. */
export function PortalPhotoPicker({ value, onChange }: { value: string[]; onChange: (v: string[]) => void }) {
  return (
    <PhotoPicker
      value={value}
      onChange={onChange}
      testId="portal-photos"
      portal
      max={9}
      rewrite={portalUploadUrl}
    />
  );
}
