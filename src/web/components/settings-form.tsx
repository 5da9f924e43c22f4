import type { UseMutationResult } from '@tanstack/react-query';
import { App, Button, Form } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FormErrorAlert, useFormErrors } from '../lib/use-form-errors.js';

interface SettingsFormProps<V, I> {
  /** The version of the settings shown; a new one (after a save or a conflict) resets the form. */
  version: number;
  initialValues: V;
  /** The fields the API may name in its errors. */
  fields: readonly string[];
  update: UseMutationResult<unknown, Error, I>;
  /** The request for the values, naming the version they change. */
  toInput: (values: V, version: number) => I;
  texts: { saved: string; conflict: string };
  /** The form's fields (the save button follows them). */
  children: ReactNode;
}

/** Settings edited in a form: errors land beside their fields or above the form, then a save button. */
export function SettingsForm<V extends object, I>(props: SettingsFormProps<V, I>) {
  const { version, update, texts } = props;
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<V>();
  const { formError, clearFormError, handleError } = useFormErrors(form, {
    fields: props.fields,
    conflictText: texts.conflict,
    version,
  });

  const handleFinish = (values: V) => {
    clearFormError();
    update.mutate(props.toInput(values, version), {
      onSuccess: () => void message.success(texts.saved),
      onError: handleError,
    });
  };

  return (
    <Form<V>
      form={form}
      layout="vertical"
      initialValues={props.initialValues}
      onFinish={handleFinish}
      requiredMark={false}
    >
      <FormErrorAlert error={formError} />
      {props.children}
      <Button type="primary" htmlType="submit" loading={update.isPending}>
        {t('common.save')}
      </Button>
    </Form>
  );
}
