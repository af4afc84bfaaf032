// Reads an upload from a multipart form (`kind`, `file`), for the API and the pages' form actions.
import { InputError } from '../auth/accounts';
import type { Upload } from './files';

export async function uploadOf(request: Request): Promise<Upload> {
	let form: FormData;
	try {
		form = await request.formData();
	} catch (e) {
		// Over BODY_SIZE_LIMIT the adapter fails the body with 413: let that through as it is.
		if (e && typeof e === 'object' && 'status' in e) throw e;
		throw new InputError('Gửi tệp bằng biểu mẫu multipart/form-data.', 'file');
	}
	return uploadFromForm(form);
}

export async function uploadFromForm(form: FormData): Promise<Upload> {
	const file = form.get('file');
	if (!(file instanceof File) || file.size === 0)
		throw new InputError({ key: 'appraisal.error.file' }, 'file');
	return {
		kind: String(form.get('kind') ?? ''),
		filename: file.name,
		bytes: new Uint8Array(await file.arrayBuffer())
	};
}
