// boundary: none
export const unit = 'kg';
