import { CameraOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';

interface CameraButtonProps {
  /** Called with each photo taken. */
  onPhoto: (file: File) => void;
  disabled?: boolean;
}

/**
 * "拍照上传": opens the phone's back camera directly (`capture="environment"`) instead of the file
 * picker. The input is made on click and never put in the page, so a form keeps exactly one file
 * input (the ordinary upload) for keyboards, screen readers and tests to find; the ref keeps it
 * alive until the browser hands the photo back.
 */
export function CameraButton({ onPhoto, disabled }: CameraButtonProps) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement | null>(null);

  const openCamera = () => {
    const element = document.createElement('input');
    element.type = 'file';
    element.accept = 'image/*';
    element.setAttribute('capture', 'environment');
    element.addEventListener('change', () => {
      for (const file of Array.from(element.files ?? [])) onPhoto(file);
      input.current = null;
    });
    input.current = element;
    element.click();
  };

  return (
    <Button icon={<CameraOutlined />} disabled={disabled} onClick={openCamera}>
      {t('closure.evidence.camera')}
    </Button>
  );
}
